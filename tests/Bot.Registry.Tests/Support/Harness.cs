using Bot.Registry.Auth;
using Bot.Registry.Blobs;
using Bot.Registry.Endpoints;
using Bot.Registry.Manifests;
using Bot.Registry.Steps;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Registry.Tests.Support;

/// <summary>The registry adapter wired by hand over any handler: a fake registry or the real one.</summary>
internal sealed class Harness
{
    public const string RegistryName = "registry.internal:5000";

    public Harness(
        HttpMessageHandler transport,
        Uri baseUri,
        TimeProvider? time = null,
        RegistryOptions? options = null,
        string? username = null,
        string? password = null)
    {
        Time = time ?? TimeProvider.System;
        Endpoint = new RegistryEndpoint
        {
            Name = RegistryName,
            BaseUri = baseUri,
            Username = username,
            Password = password,
        };
        Options = options ?? new RegistryOptions();
        Options.Registries.Clear();
        Options.Registries.Add(Endpoint);

        var auth = new RegistryAuthHandler(new RegistryTokenCache(Time), NullLogger<RegistryAuthHandler>.Instance)
        {
            InnerHandler = transport,
        };
        var clients = new TestClientFactory(auth);
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Resolver = new RegistryEndpointResolver(wrapped);
        Reader = new ManifestReader(clients, wrapped, Time, NullLogger<ManifestReader>.Instance);
        Checker = new BlobChecker(clients, wrapped, Time, NullLogger<BlobChecker>.Instance);
        ManifestStep = new ManifestStep(Resolver, Reader, NullLogger<ManifestStep>.Instance);
        BlobStep = new BlobStep(Resolver, Checker);
    }

    public static Uri FakeBase { get; } = new("http://registry.test:5000/");

    public TimeProvider Time { get; }

    public RegistryEndpoint Endpoint { get; }

    public RegistryOptions Options { get; }

    public RegistryEndpointResolver Resolver { get; }

    public ManifestReader Reader { get; }

    public BlobChecker Checker { get; }

    public ManifestStep ManifestStep { get; }

    public BlobStep BlobStep { get; }

    public static Harness Over(FakeRegistry registry, RegistryOptions? options = null, TimeProvider? time = null) =>
        new(registry, FakeBase, time, options);
}
