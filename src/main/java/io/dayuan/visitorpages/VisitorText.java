package io.dayuan.visitorpages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the visitor's pages: {@code msg:} in the templates. The texts are in
 * {@code messages/msg_zh.properties} (the default, Simplified Chinese) and {@code messages/msg_en.properties}.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface VisitorText {

    @Message
    String htmlLang();

    @Message
    String lang();

    @Message
    String otherLang();

    @Message
    String otherLanguage();

    @Message
    String serviceName();

    @Message
    String visitHeading();

    @Message
    String status();

    @Message
    String statusRequested();

    @Message
    String statusApproved();

    @Message
    String statusCheckedIn();

    @Message
    String statusCheckedOut();

    @Message
    String place();

    @Message
    String address();

    @Message
    String host();

    @Message
    String window();

    @Message
    String timeZone(String zone);

    @Message
    String purpose();

    @Message
    String plate();

    @Message
    String nextRequested();

    @Message
    String nextApproved();

    @Message
    String passHeading();

    @Message
    String passAlt();

    @Message
    String passHint();

    @Message
    String directions();

    @Message
    String faceHeading();

    @Message
    String faceWhat();

    @Message
    String faceWhy();

    @Message
    String faceRetention(long hours);

    @Message
    String faceOptional();

    @Message
    String faceConsentLabel();

    @Message
    String faceConsentButton();

    @Message
    String faceConsentVersion();

    @Message
    String faceConsented();

    @Message
    String photoLabel();

    @Message
    String photoHint();

    @Message
    String photoButton();

    @Message
    String photoPreview();

    @Message
    String photoUploading();

    @Message
    String photoFailed();

    @Message
    String photoTooLarge();

    @Message
    String faceEnrolled();

    @Message
    String withdrawButton();

    @Message
    String cancelLink();

    @Message
    String cancelHeading();

    @Message
    String cancelExplain();

    @Message
    String cancelConfirm();

    @Message
    String cancelBack();

    @Message
    String cancelledHeading();

    @Message
    String cancelledText();

    @Message
    String goneHeading();

    @Message
    String goneCancelled();

    @Message
    String goneRejected();

    @Message
    String goneExpired();

    @Message
    String goneHelp();

    @Message
    String notFoundHeading();

    @Message
    String notFoundText();

    @Message
    String siteNotFoundText();

    @Message
    String conflictText();

    @Message
    String formExpired();

    @Message
    String errorHeading();

    @Message
    String errorText(String reference);

    @Message
    String backToVisit();

    @Message
    String requestHeading();

    @Message
    String requestSite(String name);

    @Message
    String requestIntro();

    @Message
    String required();

    @Message
    String optional();

    @Message
    String hostPhone();

    @Message
    String hostPhoneHint();

    @Message
    String visitorName();

    @Message
    String visitorPhone();

    @Message
    String visitorPhoneHint();

    @Message
    String purposeLabel();

    @Message
    String date();

    @Message
    String fromTime();

    @Message
    String untilTime();

    @Message
    String plateLabel();

    @Message
    String submit();

    @Message
    String errorSummary(int count);

    @Message
    String errorPrefix();

    @Message
    String errRequired();

    @Message
    String errPhone();

    @Message
    String errPlate();

    @Message
    String errTooLong();

    @Message
    String errDate();

    @Message
    String errTime();

    @Message
    String errFromPast();

    @Message
    String errUntilPast();

    @Message
    String errUntilOrder();

    @Message
    String errWindowLong();

    @Message
    String rateLimited();

    @Message
    String requestedHeading();

    @Message
    String requestedText(String phone);
}
