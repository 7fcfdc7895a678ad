package vn.parsipas.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import vn.parsipas.devstack.DevStackTestResource;

/** The platform's tests run against the real Kafka broker and PostgreSQL of devstack. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
public @interface PlatformTest {
}
