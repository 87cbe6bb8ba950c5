using System.Net;
using Bot.Lab.Registry;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;

namespace Bot.Lab.Failures;

/// <summary>
/// After an induction, asks the registry over HTTP whether it is really in the intended state. A
/// scenario whose induction did not take is unusable, and the lab says so instead of handing the
/// bot a healthy registry and calling it an incident.
/// </summary>
internal static class InducedStateCheck
{
    public static async Task VerifyAsync(
        InductionContext context,
        InducedFailure failure,
        IReadOnlyList<PushedArtifact> pushed,
        CancellationToken cancellationToken)
    {
        var probe = new RegistryProbe(context.Http);
        var problem = failure.Kind switch
        {
            FailureKind.None => await AllHealthyAsync(probe, pushed, cancellationToken),
            FailureKind.RegistryStopped => await probe.RefusesConnectionsAsync(cancellationToken)
                ? null
                : $"the registry still answers on {context.Registry.BaseUri}",
            FailureKind.ZeroByteManifest => await TagFailsAsync(probe, context.Cache, cancellationToken),
            _ => await TagResolvesAsync(probe, context.Cache, cancellationToken)
                ?? await LayerBrokenAsync(probe, context, cancellationToken),
        };

        if (problem is null && failure.Kind is FailureKind.EnospcDuringCachePush or FailureKind.ZeroByteManifest)
            problem = NoSpaceLogged(context.Registry);

        if (problem is not null)
        {
            throw new LabSetupException(
                $"Scenario {context.Scenario.Name}: the {FailureKinds.NameOf(failure.Kind)} induction did not " +
                $"produce the intended registry state: {problem}. The scenario cannot be rehearsed as written.");
        }
    }

    private static async Task<string?> AllHealthyAsync(
        RegistryProbe probe, IReadOnlyList<PushedArtifact> pushed, CancellationToken cancellationToken)
    {
        foreach (var artifact in pushed)
        {
            if (await TagResolvesAsync(probe, artifact, cancellationToken) is { } problem)
                return problem;

            foreach (var blob in artifact.Document.Layers.Append(artifact.Document.Config))
            {
                var (status, bytes) = await probe.GetBlobAsync(artifact.Repository, blob.Digest, cancellationToken);
                if (status != HttpStatusCode.OK || bytes != blob.Size)
                    return $"GET {blob.Digest} answered {(int)status} with {bytes} of {blob.Size} bytes";
            }
        }

        return null;
    }

    private static async Task<string?> TagResolvesAsync(
        RegistryProbe probe, PushedArtifact artifact, CancellationToken cancellationToken)
    {
        var (status, digest) = await probe.HeadManifestAsync(artifact.Repository, artifact.Tag, cancellationToken);
        return status == HttpStatusCode.OK && digest == artifact.Digest
            ? null
            : $"HEAD {artifact.Reference} answered {(int)status} for {digest ?? "no digest"}, " +
              $"expected 200 for {artifact.Digest}";
    }

    private static async Task<string?> TagFailsAsync(
        RegistryProbe probe, PushedArtifact artifact, CancellationToken cancellationToken)
    {
        var (status, _) = await probe.HeadManifestAsync(artifact.Repository, artifact.Tag, cancellationToken);
        return status == HttpStatusCode.InternalServerError
            ? null
            : $"HEAD {artifact.Reference} answered {(int)status}, expected 500 for an empty manifest";
    }

    private static async Task<string?> LayerBrokenAsync(
        RegistryProbe probe, InductionContext context, CancellationToken cancellationToken)
    {
        var layer = context.Layer;
        var (status, bytes) = await probe.GetBlobAsync(context.Cache.Repository, layer.Digest, cancellationToken);
        // With the in-memory blob-descriptor cache on and no restart, the registry still vouches for
        // the blob it once stored; otherwise it reads the damaged files and says so.
        var failure = context.Scenario.Failure;
        var honest = failure.Restart || !context.Scenario.Registry.BlobDescriptorCache;
        var (expected, broken) = failure.Kind switch
        {
            FailureKind.BlobDeleted when honest => ("404", status == HttpStatusCode.NotFound),
            FailureKind.BlobDeleted => ("200 without its bytes", status == HttpStatusCode.OK && bytes < layer.Size),
            _ => ("500", status == HttpStatusCode.InternalServerError),
        };

        return broken
            ? null
            : $"GET {layer.Digest} answered {(int)status} with {bytes} of {layer.Size} bytes, expected {expected}" +
              (honest ? "" : " (the blob-descriptor cache is on and still vouches for the blob: set restart: true)");
    }

    private static string? NoSpaceLogged(RegistryProcess registry)
    {
        using var log = new FileStream(registry.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(log);
        return reader.ReadToEnd().Contains("no space left on device", StringComparison.Ordinal)
            ? null
            : $"the registry log {registry.LogPath} has no 'no space left on device' line";
    }
}
