package vn.parsipas.platform.events;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Panache needs the channel's (safe, duplicated) Vert.x context, but a dead letter's write
 * completes on the Kafka producer's thread: work that follows one is sent back to the context the
 * channel called the consumer on.
 */
final class ChannelContext {
    private ChannelContext() {
    }

    /** Runs commands on the current Vert.x context; in place when there is none. */
    static Executor current() {
        Context channel = Vertx.currentContext();
        return channel == null ? Runnable::run : command -> channel.runOnContext(ignored -> command.run());
    }
}
