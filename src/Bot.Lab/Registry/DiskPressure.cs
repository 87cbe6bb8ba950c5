using Microsoft.Win32.SafeHandles;

namespace Bot.Lab.Registry;

/// <summary>
/// Other writers on a full volume. It fills every free page of the tmpfs and then keeps taking
/// each page the moment one is freed, as the other pushes, uploads and logs on a busy registry
/// volume do. While it runs, any write the registry makes fails with a real ENOSPC, including a
/// rewrite of a small file whose old page was just released by the truncation before it.
/// Disposing stops it and deletes its file, giving the space back.
/// </summary>
public sealed class DiskPressure : IDisposable
{
    private const int Page = 4096;
    private static readonly byte[] Zeros = new byte[Page];
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _offset;

    private DiskPressure(string path)
    {
        _path = path;
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        FillUntilFull();
        _thread = new Thread(TakeFreedPages) { IsBackground = true, Name = "lab-disk-pressure" };
        _thread.Start();
    }

    /// <summary>Starts filling <paramref name="mountPoint"/>; returns once the volume is full.</summary>
    public static DiskPressure Start(string mountPoint) => new(Path.Combine(mountPoint, ".lab-disk-pressure"));

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _file.Dispose();
        File.Delete(_path);
    }

    private void FillUntilFull()
    {
        while (TryTakePage())
        {
        }
    }

    private void TakeFreedPages()
    {
        // A tight loop on purpose: the window between the registry truncating a file and writing it
        // again is microseconds, and a real busy volume has no idle gaps either.
        while (!_stopping)
            TryTakePage();
    }

    private bool TryTakePage()
    {
        try
        {
            RandomAccess.Write(_file, Zeros, _offset);
            _offset += Page;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
