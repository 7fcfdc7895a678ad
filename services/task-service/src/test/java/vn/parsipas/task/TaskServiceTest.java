package vn.parsipas.task;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import vn.parsipas.devstack.DevStackTestResource;
import vn.parsipas.devstack.OpenApiContract;

/**
 * task-service's tests run against devstack's real Kafka broker and its own real PostgreSQL database,
 * and every REST call they make is checked against the service's own /q/openapi.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "task"))
public @interface TaskServiceTest {
}
