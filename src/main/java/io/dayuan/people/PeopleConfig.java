package io.dayuan.people;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** What the service reads from a person's token besides the standard claims. */
@ConfigMapping(prefix = "dayuan.people")
public interface PeopleConfig {

    /**
     * The claim carrying the person's DingTalk user id (Keycloak maps it from the DingTalk identity provider);
     * a token without it leaves the id as it was (an admin may have set it).
     */
    @WithName("dingtalk-user-id-claim")
    @WithDefault("dingtalk_userid")
    String dingTalkUserIdClaim();
}
