package vn.parsipas.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import vn.parsipas.devstack.DevStackTestResource;

/**
 * notification-service's tests run against devstack's real Kafka broker and its own real PostgreSQL
 * database, and send e-mail to a real SMTP server in the test JVM ({@link Mailbox}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(SmtpTestResource.class)
public @interface NotificationServiceTest {
}
