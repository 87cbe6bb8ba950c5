using System.Net;
using Bot.Lab.Content;
using Bot.Lab.Registry;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;
using Bot.Registry.Push;

namespace Bot.Lab.Failures;

/// <summary>
/// The cache manifest PUT lands on a full volume: distribution creates the manifest's data file,
/// the write fails with ENOSPC, and an empty file stays. Once space is back, the exporter's next
/// PUT of the same manifest answers 201 but writes nothing (the file "exists"), and moves the tag
/// to it. From then on the tag answers 500 UNKNOWN <c>{"Offset":0}</c> (lab transcripts out-13, out-14).
/// </summary>
internal sealed class ZeroByteManifest : IFailureInducer
{
    public bool PutsCacheManifest => true;

    public async Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken)
    {
        var cache = context.Cache;
        var manifest = cache.Document;
        PushResult first;
        using (DiskPressure.Start(context.MountPoint))
            first = await PutAsync(context, cancellationToken);

        if (first.Status != HttpStatusCode.InternalServerError
            || new FileInfo(context.Layout.BlobData(cache.Digest)).Length != 0)
        {
            throw new LabSetupException(
                $"PUT {cache.Reference} on a full volume answered {(int)first.Status} without leaving an empty " +
                "manifest data file; the disk-full induction did not take.");
        }

        var second = await PutAsync(context, cancellationToken);
        if (!second.Succeeded)
        {
            throw new LabSetupException(
                $"The re-PUT of {cache.Reference} after freeing space answered {(int)second.Status}.");
        }

        return new InducedFailure(
            FailureKind.ZeroByteManifest,
            $"{cache.Reference} points at {cache.Digest}, whose data file is 0 bytes after a PUT on a full volume.",
            cache.Repository,
            new BlobRef(cache.Digest, manifest.Content.Length, manifest.MediaType));
    }

    private static Task<PushResult> PutAsync(InductionContext context, CancellationToken cancellationToken) =>
        new OciPusher(context.Http).PutManifestAsync(
            context.Cache.Repository,
            context.Cache.Tag,
            context.Cache.Document.MediaType,
            context.Cache.Document.Content,
            cancellationToken);
}
