using Microsoft.Win32.SafeHandles;

namespace Bot.Lab.Registry;

/// <summary>
/// Other writers on a full volume. It fills every free page of the tmpfs and then keeps taking
/// each page the moment one is freed, as the other pushes, uploads and logs on a busy registry
/// volume do. While it runs, any write the registry makes fails with a real ENOSPC, including a
/// rewrite of a small file whose old page was just released by the truncation before it.
/// Disposing stops it and deletes its files, giving the space back.
/// </summary>
public sealed class DiskPressure : IDisposable
{
    private const int Page = 4096;
    private static readonly byte[] Zeros = new byte[Page];
    private readonly Taker[] _takers;
    private readonly Thread[] _threads;
    private volatile bool _stopping;

    private DiskPressure(string mountPoint)
    {
        // One taker per core, so a freed page meets a running taker whichever core frees it.
        _takers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(i => new Taker(Path.Combine(mountPoint, $".lab-disk-pressure-{i}")))
            .ToArray();
        while (_takers[0].TryTakePage())
        {
        }

        _threads = _takers
            .Select(taker => new Thread(() => TakeFreedPages(taker)) { IsBackground = true, Name = "lab-pressure" })
            .ToArray();
        foreach (var thread in _threads)
            thread.Start();
    }

    /// <summary>Starts filling <paramref name="mountPoint"/>; returns once the volume is full.</summary>
    public static DiskPressure Start(string mountPoint) => new(mountPoint);

    public void Dispose()
    {
        _stopping = true;
        foreach (var thread in _threads)
            thread.Join();
        foreach (var taker in _takers)
            taker.Dispose();
    }

    private void TakeFreedPages(Taker taker)
    {
        // A tight loop on purpose: the window between the registry truncating a file and writing it
        // again is microseconds, and a real busy volume has no idle gaps either.
        while (!_stopping)
            taker.TryTakePage();
    }

    /// <summary>One writer with its own file, so takers never contend for an offset.</summary>
    private sealed class Taker(string path) : IDisposable
    {
        private readonly SafeFileHandle _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        private long _offset;

        public bool TryTakePage()
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

        public void Dispose()
        {
            _file.Dispose();
            File.Delete(path);
        }
    }
}
