using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Api;

/// <summary>Builds the client from <see cref="ClusterOptions.Kubeconfig"/>, else from the default chain.</summary>
public sealed class KubernetesFactory(IOptions<ClusterOptions> options) : IKubernetesFactory
{
    public IKubernetes Create()
    {
        var path = options.Value.Kubeconfig;
        if (string.IsNullOrWhiteSpace(path))
        {
            // With nothing to read, the default chain falls back to http://localhost:8080, and the
            // finding would blame an unreachable API instead of the missing configuration.
            var found = HasDefaultConfig(
                Environment.GetEnvironmentVariable("KUBECONFIG"),
                File.Exists(KubernetesClientConfiguration.KubeConfigDefaultLocation),
                KubernetesClientConfiguration.IsInCluster());
            if (!found)
            {
                throw new KubeConfigException(
                    "no cluster configured: no Cluster:Kubeconfig, $KUBECONFIG or ~/.kube/config, and not in a pod");
            }
        }

        var config = string.IsNullOrWhiteSpace(path)
            ? KubernetesClientConfiguration.BuildDefaultConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        return new k8s.Kubernetes(config);
    }

    /// <summary>Whether the default chain has anything to read: $KUBECONFIG, ~/.kube/config, a pod's account.</summary>
    internal static bool HasDefaultConfig(string? kubeconfigVariable, bool defaultFileExists, bool inCluster) =>
        !string.IsNullOrWhiteSpace(kubeconfigVariable) || defaultFileExists || inCluster;
}
