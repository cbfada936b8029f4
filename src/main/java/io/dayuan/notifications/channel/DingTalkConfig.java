package io.dayuan.notifications.channel;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The organisation's DingTalk: the internal app that sends work notices (off until key, secret and agent id are
 * set) and the group robot of emergency broadcasts (off until its webhook and secret are set).
 */
@ConfigMapping(prefix = "dayuan.notifications.dingtalk")
public interface DingTalkConfig {

    /** The internal app's AppKey (Client ID). */
    Optional<String> appKey();

    /** The internal app's AppSecret (Client Secret). */
    Optional<String> appSecret();

    /** The app's AgentId, the sender of work notices. */
    Optional<Long> agentId();

    /** The DingTalk API; a 浙政钉 deployment has its own. */
    @WithDefault("https://oapi.dingtalk.com")
    String url();

    /** OA (a card with head, title, text and link) or MARKDOWN. */
    @WithDefault("OA")
    DingTalkSender.Format format();

    Robot robot();

    /** The emergency group's custom robot with the signature ("加签") security setting. */
    interface Robot {

        /** The robot's webhook, {@code https://oapi.dingtalk.com/robot/send?access_token=...}. */
        Optional<String> webhook();

        /** The robot's signing secret ({@code SEC...}). */
        Optional<String> secret();
    }
}
