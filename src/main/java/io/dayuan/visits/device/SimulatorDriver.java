package io.dayuan.visits.device;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A device that lives in memory: dev mode and tests register SIMULATOR devices and read here what they were told.
 * It can be told to fail, per device serial number.
 */
@ApplicationScoped
public class SimulatorDriver implements AccessDeviceDriver {

    /** One command a simulated device received. */
    public record Command(String serialNumber, String action, String subject, Window window, boolean withFace) {
    }

    private final List<Command> received = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public List<Command> received(String serialNumber) {
        return received.stream().filter(command -> command.serialNumber().equals(serialNumber)).toList();
    }

    /** From now on the device with this serial number refuses everything, or (false) works again. */
    public void fail(String serialNumber, boolean fail) {
        if (fail) {
            failing.add(serialNumber);
        } else {
            failing.remove(serialNumber);
        }
    }

    private void take(Target device, String action, String subject, Window window, boolean withFace) {
        if (failing.contains(device.serialNumber())) {
            throw new DeviceException("simulated device " + device.serialNumber() + " is failing");
        }
        received.add(new Command(device.serialNumber(), action, subject, window, withFace));
    }

    @Override
    public void pushPerson(Target device, Visitor visitor, Window window, Face face) {
        take(device, "PUSH_PERSON", visitor.employeeNo(), window, face != null);
    }

    @Override
    public void removePerson(Target device, String employeeNo) {
        take(device, "REMOVE_PERSON", employeeNo, null, false);
    }

    @Override
    public void pushPlate(Target device, String plate, Window window) {
        take(device, "PUSH_PLATE", plate, window, false);
    }

    @Override
    public void removePlate(Target device, String plate) {
        take(device, "REMOVE_PLATE", plate, null, false);
    }
}
