using Bot.Lab.Scenarios;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Scenarios;

public sealed class ScenarioParserTests
{
    private const StringComparison O = StringComparison.Ordinal;

    private const string Valid = """
        name: tiny
        story: A tiny scenario.
        registry:
          name: registry.internal:5000
          volume: 16Mi
        caches:
          - repository: app
            tag: cache
            layers: [64Ki, 4096]
        failure:
          kind: zero-byte-link
          restart: true
        ci:
          owner: acme
          repository: app
          runId: 42
          jobs:
            - name: build
              conclusion: failure
              log: "2026-03-20T09:14:01.0000000Z {{ broken.digest }}"
        """;

    public static TheoryData<string> ShippedScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ScenarioFiles.Directory, "*.yaml").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void ShippedScenarios_All_IncludeTheBriefsSeven()
    {
        var names = Directory.EnumerateFiles(ScenarioFiles.Directory, "*.yaml").Select(Path.GetFileName).ToList();

        Assert.Superset(
            new HashSet<string>
            {
                "seed.yaml", "intact-cache.yaml", "blob-missing-after-restart.yaml", "head-lies.yaml",
                "zero-byte-link.yaml", "registry-down.yaml", "unrelated-failure.yaml",
            },
            names.ToHashSet()!);
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void ParseFile_ShippedScenario_Parses(string file)
    {
        var scenario = ScenarioFiles.Load(file);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.NotEmpty(scenario.Ci.Jobs);
    }

    [Fact]
    public void ParseFile_Seed_IsTheIncident()
    {
        var scenario = ScenarioFiles.Load("seed.yaml");

        Assert.Equal("registry.internal:5000", scenario.Registry.Name);
        Assert.Equal(24L << 20, scenario.Registry.VolumeBytes);
        Assert.Equal("app:cache", scenario.TargetCache!.Reference);
        Assert.Equal(CacheForm.Index, scenario.TargetCache.Form);
        Assert.Equal(FailureKind.EnospcDuringCachePush, scenario.Failure.Kind);
        Assert.Equal(96, scenario.Filler!.UsedPercent);
    }

    [Fact]
    public void Parse_ValidText_ReadsEveryField()
    {
        var scenario = ScenarioFiles.FromText(Valid);

        Assert.Equal([64L << 10, 4096L], scenario.Caches[0].LayerSizes);
        Assert.Equal(CacheForm.Index, scenario.Caches[0].Form);
        Assert.True(scenario.Registry.BlobDescriptorCache);
        Assert.True(scenario.Failure.Restart);
        Assert.Equal(4201, scenario.Ci.Jobs[0].Id);
    }

    [Fact]
    public void Parse_UnknownKey_NamesKeyAndLine()
    {
        var yaml = Valid.Replace("  volume: 16Mi", "  volume: 16Mi\n  volumes: 32Mi", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("test.yaml:6:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'registry.volumes' is not a known key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16MB")]
    [InlineData("-4Mi")]
    [InlineData("lots")]
    [InlineData("1.5Mi")]
    public void Parse_BadVolumeSize_NamesKeyLineAndValue(string size)
    {
        var yaml = Valid.Replace("volume: 16Mi", $"volume: {size}", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("test.yaml:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'registry.volume'", error.Message, StringComparison.Ordinal);
        Assert.Contains(size, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VolumeBelowMinimum_SaysTheRange()
    {
        var yaml = Valid.Replace("volume: 16Mi", "volume: 1Mi", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("must be from 8Mi to 512Mi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadLayerSize_NamesTheListEntry()
    {
        var yaml = Valid.Replace("[64Ki, 4096]", "[64Ki, 4kb]", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("'caches[0].layers[1]'", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.yaml:9:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFailureKind_ListsTheKnownOnes()
    {
        var yaml = Valid.Replace("kind: zero-byte-link", "kind: disk-on-fire", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("test.yaml:11:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'disk-on-fire' is not a failure kind", error.Message, StringComparison.Ordinal);
        Assert.Contains("enospc-during-cache-push", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RestartOnRegistryStopped_IsRefused()
    {
        var yaml = Valid.Replace("kind: zero-byte-link", "kind: registry-stopped", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("'failure.restart' does not apply to registry-stopped", error.Message, O);
    }

    [Fact]
    public void Parse_FailureLayerOutOfRange_SaysHowManyLayers()
    {
        var yaml = Valid.Replace("  restart: true", "  restart: true\n  layer: 5", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("'failure.layer' is 5, but app:cache has 2 layers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CacheFailureWithoutCaches_IsRefused()
    {
        var yaml = Valid.Replace("caches:\n  - repository: app\n    tag: cache\n    layers: [64Ki, 4096]\n", "",
            StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("needs a cache to damage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadCacheForm_NamesTheForms()
    {
        var yaml = Valid.Replace("    tag: cache\n", "    tag: cache\n    form: tarball\n", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("'caches[0].form' must be index or image-manifest, not 'tarball'", error.Message, O);
    }

    [Fact]
    public void Parse_FillerWithBothTargets_IsRefused()
    {
        var yaml = Valid.Replace("failure:", "filler:\n  usedPercent: 90\n  bytes: 1Mi\nfailure:", O);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("exactly one of usedPercent or bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreThanTheVolumeHolds_IsRefused()
    {
        var yaml = Valid.Replace("[64Ki, 4096]", "[10Mi, 7Mi]", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("does not fit the 16Mi volume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredKey_NamesIt()
    {
        var yaml = Valid.Replace("  runId: 42\n", "", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("'ci.runId' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenLiquidInLog_NamesTheJobsLogKey()
    {
        var yaml = Valid.Replace("{{ broken.digest }}", "{{ broken.digest ", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(yaml));

        Assert.Contains("'ci.jobs[0].log' is not a valid Liquid template", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotYaml_SaysWhere()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText("name: [unclosed\nstory: x\n"));

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_MissingFile_SaysSo()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.ParseFile("/nonexistent/scenario.yaml"));

        Assert.Contains("no such scenario file", error.Message, StringComparison.Ordinal);
    }
}
