package dev.salvo.runtime.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A virtual user's Gatling event loop as seen from one of Salvo's SQL threads, so that the user's next Gatling actions
 * run on that SQL thread right after its request instead of being handed back to the event loop (issue 20: the two
 * thread hand-offs per request cost a per-visit scenario a third of its throughput and twice its CPU).
 *
 * <p>Gatling 3.15 runs an action at once when {@code session.eventLoop().inEventLoop()}, and otherwise hands it to that
 * loop ({@code Action.!}). This loop says "in the loop" on its SQL thread only, while the user's own event loop is
 * alive; a task given to it from that thread runs on that thread after the current one (as an event loop runs a task
 * it gives itself); everything else (timers: pauses and pacing; tasks from other threads; channel registration;
 * shutdown) goes to the user's own event loop, so a pause still ends on Gatling's loop and never waits for a busy SQL
 * thread. The SQL thread serves one user's actions at a time, as an event loop does.
 */
final class SqlLoop extends AbstractEventExecutor implements EventLoop {
    private final EventLoop gatling;
    private final SqlThread thread;

    SqlLoop(EventLoop gatling, SqlThread thread) {
        this.gatling = gatling;
        this.thread = thread;
    }

    /** @return the user's own Gatling event loop */
    EventLoop gatling() {
        return gatling;
    }

    /** @return the SQL thread this view belongs to */
    SqlThread thread() {
        return thread;
    }

    @Override
    public boolean inEventLoop() {
        return inEventLoop(Thread.currentThread());
    }

    @Override
    public boolean inEventLoop(Thread t) {
        if (t == thread) {
            return !gatling.isShuttingDown() && thread.continuing();
        }
        return gatling.inEventLoop(t);
    }

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() == thread && !gatling.isShuttingDown() && thread.continuing()) {
            thread.later(task);
        } else {
            gatling.execute(task);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return gatling.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return gatling.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return gatling.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return gatling.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public EventLoopGroup parent() {
        return gatling.parent();
    }

    @Override
    public EventLoop next() {
        return this;
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return gatling.register(channel);
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return gatling.register(promise);
    }

    @Override
    @SuppressWarnings("deprecation")
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return gatling.register(channel, promise);
    }

    @Override
    public boolean isShuttingDown() {
        return gatling.isShuttingDown();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        return gatling.shutdownGracefully(quietPeriod, timeout, unit);
    }

    @Override
    public Future<?> terminationFuture() {
        return gatling.terminationFuture();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void shutdown() {
        gatling.shutdown();
    }

    @Override
    public boolean isShutdown() {
        return gatling.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return gatling.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return gatling.awaitTermination(timeout, unit);
    }
}
