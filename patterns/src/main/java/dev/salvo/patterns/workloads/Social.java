package dev.salvo.patterns.workloads;

import static dev.salvo.dsl.SqlDsl.aggregation;
import static dev.salvo.dsl.SqlDsl.analyticalJoin;
import static dev.salvo.dsl.SqlDsl.insert;
import static dev.salvo.dsl.SqlDsl.mix;
import static dev.salvo.dsl.SqlDsl.pointLookup;
import static dev.salvo.dsl.SqlDsl.randomLong;

import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.patterns.JavaWorkload;
import dev.salvo.patterns.Pattern;
import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;

/**
 * The {@code social} pattern's workload: reads of posts and timelines dominate; likes arrive in bursts (one statement
 * inserting 1..10 likes of one post by different users) and concentrate, like reads, on a few hot posts; posts and
 * follows are written now and then. Popularity is a power law over post ids, {@code 1 + floor(n * u^4)} for a uniform
 * {@code u}: the first 1% of posts draw 32% of the choices, the first 10% draw 56%. Java, not a template: the
 * templates' strategies draw uniformly or from profiled values only.
 */
public class Social implements JavaWorkload {
    /** The exponent of the popularity power law. */
    static final double SKEW = 4;

    /** Needed by the pattern loader. */
    public Social() {}

    @Override
    public ActionBuilder visit(Pattern pattern, int scale) {
        long users = pattern.rows(scale).get("soc_users");
        long posts = pattern.rows(scale).get("soc_posts");
        ParameterStrategy<Long> hotPost = popular(posts);
        Duration p95 = Duration.ofMillis(50);
        Duration p99 = Duration.ofMillis(200);
        return mix("social")
                .percentages()
                .add(
                        35,
                        pointLookup("read post")
                                .query("SELECT p.post_id, p.body, p.posted_at, u.handle FROM soc_posts p"
                                        + " JOIN soc_users u ON u.user_id = p.author_id WHERE p.post_id = :post")
                                .param("post", hotPost)
                                .slo(p95, p99))
                .add(
                        25,
                        analyticalJoin("timeline")
                                .query("SELECT p.post_id, p.author_id, p.body, p.posted_at FROM soc_follows f"
                                        + " JOIN soc_posts p ON p.author_id = f.followee_id WHERE f.follower_id = :user"
                                        + " ORDER BY p.posted_at DESC LIMIT 20")
                                .param("user", randomLong(1, users))
                                .slo(p95, p99))
                .add(
                        15,
                        aggregation("like count")
                                .query("SELECT count(*) FROM soc_likes WHERE post_id = :post")
                                .param("post", hotPost)
                                .slo(p95, p99))
                .add(
                        15,
                        insert("like burst")
                                .query("INSERT INTO soc_likes (post_id, user_id) SELECT :post,"
                                        + " 1 + (:user + g * 7919) % :users FROM generate_series(1, :likes) AS g")
                                .param("post", hotPost)
                                .param("user", randomLong(0, users - 1))
                                .param("users", users)
                                .param("likes", randomLong(1, 10))
                                .slo(Duration.ofMillis(100), Duration.ofMillis(400)))
                .add(
                        7,
                        insert("write post")
                                .query("INSERT INTO soc_posts (author_id, body) VALUES (:user, :body)")
                                .param("user", randomLong(1, users))
                                .param("body", (ParameterStrategy<String>) r -> "post " + r.nextLong())
                                .slo(p95, p99))
                .add(
                        3,
                        insert("follow")
                                .query("INSERT INTO soc_follows (follower_id, followee_id) VALUES (:user, :other)")
                                .param("user", randomLong(1, users))
                                .param("other", randomLong(1, users))
                                .slo(p95, p99));
    }

    /** @return post ids 1..n, skewed to the low ids by the power law */
    static ParameterStrategy<Long> popular(long n) {
        return r -> 1 + Math.min(n - 1, (long) (n * Math.pow(r.nextDouble(), SKEW)));
    }
}
