package dev.salvo.runtime.internal;

import dev.salvo.runtime.SqlProtocol;
import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import scala.Function1;

/** Gatling's key for {@link SqlProtocol}: one {@link SalvoRun} per Gatling run. */
public final class SqlProtocolKey implements ProtocolKey<SqlProtocol, SqlComponents> {
    /** The only instance. */
    public static final SqlProtocolKey INSTANCE = new SqlProtocolKey();

    private SqlProtocolKey() {}

    @Override
    @SuppressWarnings("unchecked")
    public Class<Protocol> protocolClass() {
        return (Class<Protocol>) (Class<?>) SqlProtocol.class;
    }

    @Override
    public SqlProtocol defaultProtocolValue(GatlingConfiguration configuration) {
        return SqlProtocol.fromEnvironment();
    }

    /** Called once per run, before any action is built. */
    @Override
    public Function1<SqlProtocol, SqlComponents> newComponents(CoreComponents coreComponents) {
        SalvoRun run = SalvoRun.start(coreComponents);
        return protocol -> new SqlComponents(run, protocol);
    }
}
