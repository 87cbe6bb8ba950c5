namespace Bot.GitHub.Api;

/// <summary>A response was (or announced to be) longer than <c>GitHub:MaxLogBytes</c>; its body was not kept.</summary>
public sealed class LogTooLargeException : Exception
{
    public LogTooLargeException()
    {
    }

    public LogTooLargeException(string message)
        : base(message)
    {
    }

    public LogTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LogTooLargeException(long limitBytes, long? announcedBytes)
        : base(announcedBytes is long n
            ? $"The response announces {n} bytes, over the limit of {limitBytes}."
            : $"The response went past the limit of {limitBytes} bytes.")
    {
        LimitBytes = limitBytes;
        AnnouncedBytes = announcedBytes;
    }

    public long LimitBytes { get; }

    public long? AnnouncedBytes { get; }
}
