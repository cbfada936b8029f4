package io.dayuan.visits.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.visits.DeviceVendor;

/** The driver of each vendor. */
@ApplicationScoped
public class Drivers {

    @Inject
    HikvisionDriver hikvision;

    @Inject
    SimulatorDriver simulator;

    public AccessDeviceDriver of(DeviceVendor vendor) {
        return switch (vendor) {
            case HIKVISION -> hikvision;
            case SIMULATOR -> simulator;
        };
    }
}
