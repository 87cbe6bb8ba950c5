using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Api;

/// <summary>
/// The few cluster calls the checks make, each bounded and each failing as a
/// <see cref="ClusterCallException"/> that names the verb and resource involved.
/// </summary>
public sealed class ClusterApi
{
    private readonly Lazy<IKubernetes> _client;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _time;

    public ClusterApi(IKubernetesFactory factory, IOptions<ClusterOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _client = new Lazy<IKubernetes>(factory.Create, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ClusterOptions Options => _options;

    public async Task<V1Pod> FindRegistryPodAsync(CancellationToken cancellationToken)
    {
        var pods = await CallAsync(
            "list", "pods", null,
            c => c.CoreV1.ListNamespacedPodAsync(
                _options.Namespace, labelSelector: _options.LabelSelector, cancellationToken: cancellationToken));

        // Prefer a running pod: a terminating or pending one may not have the volume mounted.
        var pod = pods.Items
            .OrderBy(p => p.Status?.Phase == "Running" ? 0 : 1)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return pod ?? throw new ClusterCallException(new ClusterProblem(
            ClusterProblemKinds.NotFound, "list", "pods", null, $"no pod matches '{_options.LabelSelector}'"));
    }

    public async Task<IReadOnlyList<V1Pod>> ListPodsAsync(
        string @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        var pods = await CallAsync(
            "list", "pods", null,
            c => c.CoreV1.ListNamespacedPodAsync(
                @namespace, labelSelector: labelSelector, cancellationToken: cancellationToken));
        return pods.Items.ToList();
    }

    public Task<V1Pod> ReadPodAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        CallAsync(
            "get", "pods", name,
            c => c.CoreV1.ReadNamespacedPodAsync(name, @namespace, cancellationToken: cancellationToken));

    public Task<V1PersistentVolumeClaim> ReadPvcAsync(string name, CancellationToken cancellationToken) =>
        CallAsync(
            "get", "persistentvolumeclaims", name,
            c => c.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(
                name, _options.Namespace, cancellationToken: cancellationToken));

    public Task<V1StorageClass> ReadStorageClassAsync(string name, CancellationToken cancellationToken) =>
        CallAsync(
            "get", "storageclasses", name,
            c => c.StorageV1.ReadStorageClassAsync(name, cancellationToken: cancellationToken));

    /// <summary>
    /// Runs a fixed argument array in the registry container (no shell, nothing spliced from user
    /// text) and keeps at most <see cref="ClusterOptions.MaxExecOutputBytes"/> of its output.
    /// </summary>
    public async Task<ExecResult> ExecAsync(
        string pod, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ExecTimeout);
        var stdout = new BoundedText(_options.MaxExecOutputBytes);
        var stderr = new BoundedText(Math.Min(_options.MaxExecOutputBytes, 16 * 1024));

        var code = await CallAsync(
            "create", "pods/exec", pod,
            c => c.NamespacedPodExecAsync(
                pod, _options.Namespace, _options.Container, command, false,
                (_, output, error) => ReadBothAsync(stdout, output, stderr, error, timeout.Token),
                timeout.Token),
            timeout.Token, cancellationToken);

        return new ExecResult(code, stdout.ToString(), stderr.ToString(), stdout.Truncated);
    }

    /// <summary>
    /// Reads stdout and stderr to their ends, but stops waiting at the timeout. KubernetesClient's
    /// exec streams cannot be interrupted (closing them does not wake a blocked read), so a reader
    /// on a silent stream stays parked until the API server ends the exec; the step goes on.
    /// </summary>
    private static Task ReadBothAsync(
        BoundedText stdout, Stream output, BoundedText stderr, Stream error, CancellationToken cancellationToken) =>
        Task.WhenAll(
                stdout.FillBlockingAsync(output, cancellationToken),
                stderr.FillBlockingAsync(error, cancellationToken))
            .WaitAsync(cancellationToken);

    /// <summary>
    /// Reads a pod's log from <paramref name="since"/> ago, line by line, keeping only the lines
    /// <paramref name="keep"/> accepts, at most <paramref name="maxLines"/> of them (the latest),
    /// and stopping after <see cref="ClusterOptions.MaxLogBytes"/>. The API server applies the
    /// window; the lines also come with the runtime's timestamps, so a line older than the window
    /// (a server or proxy that dropped <c>sinceSeconds</c>) is dropped here too, and the timestamp
    /// is cut off before <paramref name="keep"/> sees the line.
    /// </summary>
    public async Task<PodLogLines> ReadLogLinesAsync(
        string @namespace, string pod, string? container, TimeSpan since, Func<string, bool> keep, int maxLines,
        CancellationToken cancellationToken)
    {
        var oldest = _time.GetUtcNow() - since;
        var stream = await CallAsync(
            "get", "pods/log", pod,
            c => c.CoreV1.ReadNamespacedPodLogAsync(
                pod, @namespace, container: container, sinceSeconds: (int)Math.Ceiling(since.TotalSeconds),
                timestamps: true, cancellationToken: cancellationToken));

        var kept = new Queue<string>();
        long bytes = 0;
        var total = 0;
        var cut = false;
        await using (stream)
        {
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken) is { } stamped)
            {
                total++;
                bytes += stamped.Length + 1;
                var (at, line) = TimestampedLine.Split(stamped);
                if ((at is null || at >= oldest) && keep(line))
                {
                    kept.Enqueue(line);
                    if (kept.Count > maxLines)
                        kept.Dequeue();
                }

                if (bytes >= _options.MaxLogBytes)
                {
                    cut = true;
                    break;
                }
            }
        }

        return new PodLogLines([.. kept], total, cut);
    }

    private Task<T> CallAsync<T>(string verb, string resource, string? name, Func<IKubernetes, Task<T>> call) =>
        CallAsync(verb, resource, name, call, CancellationToken.None, CancellationToken.None);

    private async Task<T> CallAsync<T>(
        string verb,
        string resource,
        string? name,
        Func<IKubernetes, Task<T>> call,
        CancellationToken own,
        CancellationToken caller)
    {
        try
        {
            return await call(_client.Value);
        }
        catch (OperationCanceledException ex) when (own.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            var problem = new ClusterProblem(ClusterProblemKinds.TimedOut, verb, resource, name, "no answer in time");
            throw new ClusterCallException(problem, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ClusterCallException)
        {
            throw new ClusterCallException(ClusterErrors.Classify(ex, verb, resource, name), ex);
        }
    }
}
