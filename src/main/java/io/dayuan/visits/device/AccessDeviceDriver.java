package io.dayuan.visits.device;

import java.time.OffsetDateTime;

/**
 * What Dayuan tells an access device. Calls block (they are made by the device worker, off the event loop) and
 * throw {@link DeviceException} when the device refuses or cannot be reached.
 */
public interface AccessDeviceDriver {

    /** How to reach one device. */
    record Target(String id, String baseUrl, String username, String password, String serialNumber) {
    }

    /** The visitor as a device knows them: an employee number (the visit id without dashes) and a name. */
    record Visitor(String employeeNo, String name) {
    }

    /** The time a device lets the visitor (or plate) through. */
    record Window(OffsetDateTime from, OffsetDateTime until) {
    }

    /** A face photo: JPEG or PNG bytes. */
    record Face(byte[] image, String contentType) {
    }

    /** Adds (or updates) the visitor with their valid window, and their face when there is one. */
    void pushPerson(Target device, Visitor visitor, Window window, Face face);

    void removePerson(Target device, String employeeNo);

    /** Puts the plate on the device's allow list for the window. */
    void pushPlate(Target device, String plate, Window window);

    void removePlate(Target device, String plate);
}
