using System.Text.RegularExpressions;
using Fluid;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Lab.Scenarios;

/// <summary>
/// Reads a scenario file strictly: unknown keys, bad sizes, unknown failure kinds and templates
/// that do not parse are errors naming the key and the line. The format is in docs/scenarios.md.
/// </summary>
public static partial class ScenarioParser
{
    public const long MinVolume = 8L << 20;
    public const long MaxVolume = 512L << 20;
    private const long MaxLayer = 256L << 20;
    private static readonly FluidParser Liquid = new();
    private static readonly string[] Conclusions =
        ["success", "failure", "cancelled", "skipped", "neutral", "timed_out", "action_required"];

    public static Scenario ParseFile(string path)
    {
        if (!File.Exists(path))
            throw new ScenarioException($"{path}: no such scenario file.");

        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static Scenario Parse(TextReader text, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw new ScenarioException($"{sourceName}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner trips over some malformed input (an unclosed flow sequence) without a position.
            throw new ScenarioException($"{sourceName}: not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new ScenarioException(
                $"{sourceName}: expected exactly one YAML document, found {stream.Documents.Count}.");
        }

        var root = YamlMap.From(stream.Documents[0].RootNode, "", sourceName);
        var scenario = ReadScenario(root, sourceName);
        CheckConsistency(scenario, root);
        return scenario;
    }

    private static Scenario ReadScenario(YamlMap root, string sourceName)
    {
        var name = root.RequireString("name");
        if (!ScenarioName().IsMatch(name))
            throw root.Error("name", "must be lower-case letters, digits and dashes");

        var registry = ReadRegistry(root.RequireMap("registry"));
        var scenario = new Scenario
        {
            Name = name,
            Story = root.RequireString("story").Trim(),
            Registry = registry,
            Images = (root.OptionalSequence("images", minCount: 0) ?? [])
                .Select((node, i) => ReadImage(YamlMap.From(node, $"images[{i}]", root.File))).ToList(),
            Caches = (root.OptionalSequence("caches", minCount: 0) ?? [])
                .Select((node, i) => ReadCache(YamlMap.From(node, $"caches[{i}]", root.File))).ToList(),
            Filler = root.OptionalMap("filler") is { } filler ? ReadFiller(filler) : null,
            Failure = ReadFailure(root.RequireMap("failure")),
            Ci = ReadCi(root.RequireMap("ci")),
            Cluster = root.OptionalMap("cluster") is { } cluster
                ? ClusterSectionParser.Read(cluster, registry.VolumeBytes)
                : null,
            SourcePath = sourceName,
        };
        root.RejectUnknownKeys();
        return scenario;
    }

    private static RegistrySpec ReadRegistry(YamlMap map)
    {
        var name = map.RequireString("name");
        if (!RegistryName().IsMatch(name))
            throw map.Error("name", "must be host[:port] like registry.internal:5000, without scheme or path");

        var registry = new RegistrySpec(
            name,
            map.RequireSize("volume", MinVolume, MaxVolume),
            map.OptionalBool("blobDescriptorCache", fallback: true));
        map.RejectUnknownKeys();
        return registry;
    }

    private static ImageSpec ReadImage(YamlMap map)
    {
        var image = new ImageSpec(Repository(map), Tag(map), map.RequireSizes("layers", 1, MaxLayer));
        map.RejectUnknownKeys();
        return image;
    }

    private static CacheSpec ReadCache(YamlMap map)
    {
        var repository = Repository(map);
        var tag = Tag(map);
        var form = map.OptionalString("form") ?? "index";
        var cache = new CacheSpec(repository, tag, form switch
        {
            "index" => CacheForm.Index,
            "image-manifest" => CacheForm.ImageManifest,
            _ => throw map.Error("form", $"must be index or image-manifest, not '{form}'"),
        }, map.RequireSizes("layers", 1, MaxLayer));
        map.RejectUnknownKeys();
        return cache;
    }

    private static FillerSpec ReadFiller(YamlMap map)
    {
        var percent = map.OptionalLong("usedPercent", 1, 99);
        var bytes = map.OptionalSize("bytes", 1, MaxVolume);
        if (percent is null == bytes is null)
            throw new ScenarioException($"{map.File}:{map.Line}: 'filler' needs exactly one of usedPercent or bytes.");

        map.RejectUnknownKeys();
        return new FillerSpec((int?)percent, bytes);
    }

    private static FailureSpec ReadFailure(YamlMap map)
    {
        var kindText = map.RequireString("kind");
        if (!FailureKinds.TryParse(kindText, out var kind))
        {
            throw map.Error(
                "kind", $"'{kindText}' is not a failure kind; known: {string.Join(", ", FailureKinds.Names)}");
        }

        var failure = new FailureSpec(
            kind,
            map.OptionalString("cache"),
            (int?)map.OptionalLong("layer", 0, 1000),
            map.OptionalBool("restart", fallback: false));

        if (!FailureKinds.TargetsCache(kind) && (failure.Cache is not null || failure.Layer is not null))
            throw map.Error(failure.Cache is not null ? "cache" : "layer", $"does not apply to {kindText}");

        if (failure.Restart && !FailureKinds.AllowsRestart(kind))
            throw map.Error("restart", $"does not apply to {kindText}");

        map.RejectUnknownKeys();
        return failure;
    }

    private static CiSpec ReadCi(YamlMap map)
    {
        var owner = map.RequireString("owner");
        var repository = map.RequireString("repository");
        if (!GitHubName().IsMatch(owner))
            throw map.Error("owner", "is not a GitHub owner name");
        if (!GitHubName().IsMatch(repository))
            throw map.Error("repository", "is not a GitHub repository name");

        var runId = map.OptionalLong("runId", 1, long.MaxValue) ?? throw map.Error("runId", "is required");
        var jobs = map.RequireSequence("jobs", minCount: 1)
            .Select((node, i) => ReadJob(YamlMap.From(node, $"ci.jobs[{i}]", map.File), runId, i))
            .ToList();
        map.RejectUnknownKeys();
        return new CiSpec(owner, repository, runId, jobs);
    }

    private static CiJobSpec ReadJob(YamlMap map, long runId, int index)
    {
        var name = map.RequireString("name");
        var conclusion = map.RequireString("conclusion");
        if (!Conclusions.Contains(conclusion))
            throw map.Error("conclusion", $"must be one of {string.Join(", ", Conclusions)}, not '{conclusion}'");

        // GitHub job ids are unrelated to run ids; deriving one keeps the file short and the id stable.
        var id = map.OptionalLong("id", 1, long.MaxValue) ?? (runId * 100) + index + 1;
        var log = map.RequireString("log");
        if (!Liquid.TryParse(log, out var template, out var error))
            throw map.Error("log", $"is not a valid Liquid template: {error}");

        var job = new CiJobSpec(id, name, conclusion, template, map.LineOf("log"));
        map.RejectUnknownKeys();
        return job;
    }

    private static void CheckConsistency(Scenario scenario, YamlMap root)
    {
        var refs = scenario.Images.Select(i => i.Reference).Concat(scenario.Caches.Select(c => c.Reference)).ToList();
        if (refs.GroupBy(r => r, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ScenarioException(
                $"{root.File}: '{twice.Key}' is pushed twice; every image and cache needs its own tag.");
        }

        var failure = scenario.Failure;
        if (FailureKinds.TargetsCache(failure.Kind))
        {
            var failureMap = root.RequireMap("failure");
            if (scenario.TargetCache is not { } cache)
            {
                throw failure.Cache is null
                    ? failureMap.Error("kind", $"needs a cache to damage, and 'caches' is empty")
                    : failureMap.Error("cache", $"'{failure.Cache}' is not one of the scenario's caches");
            }

            if (failure.Layer >= cache.LayerSizes.Count)
            {
                throw failureMap.Error(
                    "layer", $"is {failure.Layer}, but {cache.Reference} has {cache.LayerSizes.Count} layers");
            }
        }

        var pushed = scenario.Images.Sum(i => i.LayerSizes.Sum()) + scenario.Caches.Sum(c => c.LayerSizes.Sum())
            + (scenario.Filler?.Bytes ?? 0);
        if (pushed >= scenario.Registry.VolumeBytes)
        {
            throw new ScenarioException(
                $"{root.File}: images, caches and filler need {ByteSize.Format(pushed)}, which does not fit " +
                $"the {ByteSize.Format(scenario.Registry.VolumeBytes)} volume.");
        }
    }

    private static string Repository(YamlMap map)
    {
        var repository = map.RequireString("repository");
        if (!RepositoryName().IsMatch(repository))
            throw map.Error("repository", $"'{repository}' is not a valid repository name (lower-case, a/b/c)");
        return repository;
    }

    private static string Tag(YamlMap map)
    {
        var tag = map.RequireString("tag");
        if (!TagName().IsMatch(tag))
            throw map.Error("tag", $"'{tag}' is not a valid tag");
        return tag;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ScenarioName();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex RegistryName();

    [GeneratedRegex("^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex TagName();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex GitHubName();
}
