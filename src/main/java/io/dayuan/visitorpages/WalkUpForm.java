package io.dayuan.visitorpages;

import org.jboss.resteasy.reactive.RestForm;

/** What the walk-up form posts; the window is a date and two times of day in the site's time zone. */
public class WalkUpForm {

    @RestForm
    public String hostPhone;

    @RestForm
    public String visitorName;

    @RestForm
    public String visitorPhone;

    @RestForm
    public String purpose;

    @RestForm
    public String date;

    @RestForm
    public String fromTime;

    @RestForm
    public String untilTime;

    @RestForm
    public String plate;

    @RestForm(FormKeys.FIELD)
    public String formKey;
}
