using k8s;

namespace Bot.ClusterBench;

/// <summary>
/// The calls the volume and GC steps make, issued one after another straight through
/// KubernetesClient with no parsing, classifying or bookkeeping: the floor the steps are measured against.
/// <paramref name="largeBlobKiB"/> and <paramref name="statDigest"/> are what the step's options and clues
/// make it ask for: the size above which a blob is "large", and the broken blob it looks up on disk.
/// </summary>
internal sealed class RawCalls(
    IKubernetes client,
    string @namespace,
    string pod,
    string container,
    string storage,
    long largeBlobKiB,
    string statDigest)
{
    private string Root => storage + "/docker/registry/v2";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await client.CoreV1.ListNamespacedPodAsync(
            @namespace, labelSelector: "app=harbor,component=registry", cancellationToken: cancellationToken);
        await client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(
            "harbor-registry", @namespace, cancellationToken: cancellationToken);
        await client.StorageV1.ReadStorageClassAsync("standard", cancellationToken: cancellationToken);

        string[][] commands =
        [
            ["df", "-P", storage],
            ["find", Root + "/blobs", "-type", "f", "-name", "data", "-size", "0"],
            ["find", Root + "/repositories", "-type", "f", "-name", "link", "-size", "0"],
            [
                "find", Root + "/repositories", "-type", "d", "-name", "_uploads", "-prune",
                "-exec", "du", "-s", "-k", "{}", "+",
            ],
            [
                "find", Root + "/blobs", "-type", "f", "-name", "data", "-size", $"+{largeBlobKiB}k",
                "-exec", "du", "-k", "{}", "+",
            ],
            ["stat", "-c", "%s", BlobDataPath(statDigest)],
        ];
        foreach (var command in commands)
        {
            await client.NamespacedPodExecAsync(
                pod, @namespace, container, command, false,
                async (_, output, error) =>
                {
                    await output.CopyToAsync(Stream.Null, cancellationToken);
                    await error.CopyToAsync(Stream.Null, cancellationToken);
                },
                cancellationToken);
        }

        var registryLog = await client.CoreV1.ReadNamespacedPodLogAsync(
            pod, @namespace, container: container, sinceSeconds: 259200, timestamps: true,
            cancellationToken: cancellationToken);
        await DrainAsync(registryLog);

        var gcPods = await client.CoreV1.ListNamespacedPodAsync(
            @namespace, labelSelector: "job-name", cancellationToken: cancellationToken);
        foreach (var gcPod in gcPods.Items)
        {
            var gcLog = await client.CoreV1.ReadNamespacedPodLogAsync(
                gcPod.Metadata.Name, @namespace, sinceSeconds: 604800, timestamps: true,
                cancellationToken: cancellationToken);
            await DrainAsync(gcLog);
        }
    }

    private string BlobDataPath(string digest)
    {
        var hex = digest["sha256:".Length..];
        return $"{Root}/blobs/sha256/{hex[..2]}/{hex}/data";
    }

    private static async Task DrainAsync(Stream stream)
    {
        await using (stream)
            await stream.CopyToAsync(Stream.Null);
    }
}
