using Bot.Lab.Scenarios;

namespace Bot.Lab.Tests.Scenarios;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("4096", 4096L)]
    [InlineData("512Ki", 512L * 1024)]
    [InlineData("24Mi", 24L * 1024 * 1024)]
    [InlineData("1Gi", 1L << 30)]
    public void TryParse_BinarySizes_AreExact(string text, long expected)
    {
        var parsed = ByteSize.TryParse(text, out var bytes);

        Assert.True(parsed);
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("24M")]
    [InlineData("24 Mi")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("99999999999Gi")]
    public void TryParse_AnythingElse_IsRefused(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Theory]
    [InlineData(25165824L, "24Mi")]
    [InlineData(1000L, "1000")]
    [InlineData(1536L, "1536")]
    public void Format_Bytes_ShortestExactSpelling(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }
}
