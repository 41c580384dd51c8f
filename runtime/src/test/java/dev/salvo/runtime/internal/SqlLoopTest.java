package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.session.Session;
import io.gatling.core.session.Session$;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SqlLoopTest {
    private final DefaultEventLoop gatling = new DefaultEventLoop();
    private final AtomicBoolean continuing = new AtomicBoolean(true);

    @AfterEach
    void stop() {
        gatling.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Runs work on a fresh SQL thread as Target does (serve), and waits for it and whatever it gave itself. */
    private void onSqlThread(java.util.function.Consumer<SqlThread> work) throws Exception {
        SqlThread[] self = new SqlThread[1];
        self[0] =
                new SqlThread(null, continuing::get, () -> self[0].serve(() -> work.accept(self[0])), "salvo-sql-test");
        self[0].start();
        self[0].join(TimeUnit.SECONDS.toMillis(10));
        assertThat(self[0].isAlive()).isFalse();
    }

    private Session session() {
        return Session$.MODULE$.apply("scenario", 1L, gatling);
    }

    @Test
    void aSessionContinuedOnASqlThreadIsInItsLoopThereAndOnGatlingsLoopOnly() throws Exception {
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        Session[] continued = new Session[1];
        onSqlThread(t -> {
            continued[0] = t.continueHere(session());
            seen.add(continued[0].eventLoop().inEventLoop());
        });
        EventLoop view = continued[0].eventLoop();
        assertThat(view).isInstanceOf(SqlLoop.class);
        assertThat(((SqlLoop) view).gatling()).isSameAs(gatling);
        assertThat(seen).containsExactly(true);
        assertThat(view.inEventLoop()).as("the test's own thread").isFalse();
        assertThat(gatling.submit(() -> view.inEventLoop()).get(10, TimeUnit.SECONDS))
                .as("Gatling's loop")
                .isTrue();
    }

    @Test
    void whenARequestWaitsForASqlThreadTheUserGoesBackToGatlingsLoop() throws Exception {
        continuing.set(false);
        List<String> ranOn = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Boolean> inLoop = new CopyOnWriteArrayList<>();
        onSqlThread(t -> {
            Session s = t.continueHere(session());
            inLoop.add(s.eventLoop().inEventLoop());
            s.eventLoop().execute(() -> {
                ranOn.add(Thread.currentThread().getName());
                done.complete(null);
            });
        });
        done.get(10, TimeUnit.SECONDS);
        assertThat(inLoop).containsExactly(false);
        assertThat(ranOn).singleElement().asString().doesNotStartWith("salvo-sql");
    }

    @Test
    void aTaskTheSqlThreadGivesItselfRunsThereAfterTheCurrentOneInOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        onSqlThread(t -> {
            Session s = t.continueHere(session());
            s.eventLoop()
                    .execute(
                            () -> order.add("first on " + Thread.currentThread().getName()));
            s.eventLoop()
                    .execute(() ->
                            order.add("second on " + Thread.currentThread().getName()));
            order.add("current");
        });
        assertThat(order).containsExactly("current", "first on salvo-sql-test", "second on salvo-sql-test");
    }

    @Test
    void aTimerSuchAsAPauseEndsOnGatlingsLoopNotOnTheSqlThread() throws Exception {
        CompletableFuture<String> firedOn = new CompletableFuture<>();
        onSqlThread(t -> t.continueHere(session())
                .eventLoop()
                .schedule(() -> firedOn.complete(Thread.currentThread().getName()), 1, TimeUnit.MILLISECONDS));
        String name = firedOn.get(10, TimeUnit.SECONDS);
        assertThat(gatling.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
                .isEqualTo(name);
    }

    @Test
    void aSessionAlreadyOnAnotherSqlThreadIsMovedToThisOnesViewOfTheSameGatlingLoop() throws Exception {
        Session[] first = new Session[1];
        Session[] second = new Session[1];
        onSqlThread(t -> first[0] = t.continueHere(session()));
        onSqlThread(t -> second[0] = t.continueHere(first[0]));
        SqlLoop a = (SqlLoop) first[0].eventLoop();
        SqlLoop b = (SqlLoop) second[0].eventLoop();
        assertThat(b).isNotSameAs(a);
        assertThat(b.gatling()).isSameAs(gatling);
        assertThat(b.thread()).isNotSameAs(a.thread());
    }

    @Test
    void aShutDownGatlingLoopIsNeverEnteredFromTheSqlThread() throws Exception {
        gatling.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        List<Boolean> inLoop = new CopyOnWriteArrayList<>();
        onSqlThread(t -> inLoop.add(t.continueHere(session()).eventLoop().inEventLoop()));
        assertThat(inLoop).containsExactly(false);
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheThreadFromRunningTheNextOne() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        onSqlThread(t -> {
            t.later(() -> {
                throw new IllegalStateException("boom");
            });
            t.later(() -> order.add("after"));
        });
        assertThat(order).containsExactly("after");
    }
}
