package io.dayuan.visits.device;

/** A device refused a command or could not be reached; the job is retried. */
public class DeviceException extends RuntimeException {

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
