package io.dayuan;

/** The fixed ids of the demo data (db/demo/afterMigrate.sql), which tests load too. */
public final class Demo {

    public static final String DEMO_SITE = "00000000-0000-0000-0000-00000000a001";
    public static final String TOWN_HALL_CANTEEN = "00000000-0000-0000-0000-00000000c001";
    public static final String FIRST_MEETING_ROOM = "00000000-0000-0000-0000-00000000b001";
    public static final String SOUTH_GATE = "00000000-0000-0000-0000-00000000d001";
    public static final String UNKNOWN = "00000000-0000-0000-0000-0000000000ff";

    private Demo() {
    }
}
