namespace Bot.Lab.Registry;

/// <summary>How full a mounted volume is, as <c>df</c> would say (statvfs through <see cref="DriveInfo"/>).</summary>
public readonly record struct VolumeUsage(long TotalBytes, long FreeBytes)
{
    public long UsedBytes => TotalBytes - FreeBytes;

    public double UsedPercent => TotalBytes == 0 ? 0 : 100.0 * UsedBytes / TotalBytes;

    public static VolumeUsage Of(string mountPoint)
    {
        var drive = new DriveInfo(mountPoint);
        return new VolumeUsage(drive.TotalSize, drive.AvailableFreeSpace);
    }
}
