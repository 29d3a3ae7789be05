package com.echamado.sla;

/** How a target stands now: in time, past its warning share, past its deadline unmet, or met. */
public enum SlaState {
    OK,
    WARNING,
    BREACHED,
    MET
}
