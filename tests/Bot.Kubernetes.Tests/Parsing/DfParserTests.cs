using Bot.Kubernetes.Volume;

namespace Bot.Kubernetes.Tests.Parsing;

public sealed class DfParserTests
{
    [Fact]
    public void Parse_GnuPosixOutput_ReadsBytesAndPercent()
    {
        const string output = """
            Filesystem     1024-blocks     Used Available Capacity Mounted on
            /dev/sdc          52428800 49283072   2202009      96% /storage
            """;

        var usage = DfParser.Parse(output);

        Assert.NotNull(usage);
        Assert.Equal("/dev/sdc", usage.Filesystem);
        Assert.Equal(52428800L * 1024, usage.SizeBytes);
        Assert.Equal(49283072L * 1024, usage.UsedBytes);
        Assert.Equal(2202009L * 1024, usage.AvailableBytes);
        Assert.Equal(96, usage.UsePercent);
        Assert.Equal("/storage", usage.MountedOn);
    }

    [Fact]
    public void Parse_BusyboxOutputWithSpaceInMount_KeepsWholeMountPoint()
    {
        const string output = "Filesystem           1024-blocks    Used Available Capacity Mounted on\n" +
            "overlay                 4096      2048      2048  50% /mnt/my storage\n";

        var usage = DfParser.Parse(output);

        Assert.NotNull(usage);
        Assert.Equal(50, usage.UsePercent);
        Assert.Equal("/mnt/my storage", usage.MountedOn);
    }

    [Fact]
    public void Parse_512ByteBlocks_ScalesByHeaderBlockSize()
    {
        const string output =
            "Filesystem 512-blocks Used Available Capacity Mounted on\ntmpfs 8192 4096 4096 50% /storage\n";

        var usage = DfParser.Parse(output);

        Assert.Equal(4096L * 512, usage!.UsedBytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("df: /storage: No such file or directory")]
    [InlineData("Filesystem Size Used Avail Use% Mounted on\n/dev/sdc 50G 47G 2.1G 96% /storage")]
    [InlineData("Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sdc 10 5 5 five% /storage")]
    [InlineData("Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sdc 10 5 5 150% /storage")]
    public void Parse_NotPosixDf_ReturnsNull(string output)
    {
        var usage = DfParser.Parse(output);

        Assert.Null(usage);
    }
}
