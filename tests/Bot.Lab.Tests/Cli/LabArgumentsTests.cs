using Bot.Lab.Cli;

namespace Bot.Lab.Tests.Cli;

public sealed class LabArgumentsTests
{
    [Fact]
    public void Parse_RunWithJson_ReadsBoth()
    {
        var arguments = LabArguments.Parse(["run", "scenarios/seed.yaml", "--json"]);

        Assert.Equal(new LabArguments(LabCommand.Run, "scenarios/seed.yaml", Json: true), arguments);
    }

    [Fact]
    public void Parse_ChatWithoutFile_UsesTheDefaultLater()
    {
        var arguments = LabArguments.Parse(["chat"]);

        Assert.Equal(new LabArguments(LabCommand.Chat, null, Json: false), arguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("run")]
    [InlineData("run a.yaml b.yaml")]
    [InlineData("run a.yaml --yaml")]
    [InlineData("chat --json")]
    [InlineData("serve a.yaml")]
    public void Parse_BadUsage_IsNull(string commandLine)
    {
        Assert.Null(LabArguments.Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }
}
