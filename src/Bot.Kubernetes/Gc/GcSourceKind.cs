namespace Bot.Kubernetes.Gc;

public enum GcSourceKind
{
    /// <summary>GC is not looked at; the step says so.</summary>
    None,

    /// <summary>Harbor's <c>/api/v2.0/system/gc</c> history and job logs.</summary>
    Harbor,

    /// <summary>Logs of the pods that run GC (a Job, a CronJob's Jobs, or one named pod).</summary>
    PodLogs,
}
