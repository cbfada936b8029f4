package io.dayuan.platform;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The few of Quarkus's own settings the platform reads (their defaults are Quarkus's). */
@ConfigMapping(prefix = "quarkus")
public interface QuarkusSettings {

    Datasource datasource();

    Http http();

    @WithName("smallrye-graphql")
    SmallRyeGraphQL smallRyeGraphQL();

    interface Datasource {

        Optional<String> username();

        Optional<String> password();

        Reactive reactive();

        interface Reactive {

            /** The database the events' LISTEN connection opens. */
            String url();
        }
    }

    interface Http {

        Proxy proxy();

        interface Proxy {

            /** The proxies whose X-Forwarded-For is believed. */
            Optional<List<String>> trustedProxies();
        }
    }

    interface SmallRyeGraphQL {

        /** Whether {@code GET /graphql/schema.graphql} is served (off in prod). */
        @WithDefault("true")
        boolean schemaAvailable();
    }
}
