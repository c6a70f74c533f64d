package app.clientdesk.time.imports;

/**
 * How the dates of a file are written: year first (2026-03-04), month first (03/04/2026, as Clockify
 * writes for a US profile) or day first (04/03/2026 or 04.03.2026).
 */
public enum DateOrder {
    YMD, MDY, DMY;

    public String messageKey() {
        return "timeimport.dates." + name();
    }
}
