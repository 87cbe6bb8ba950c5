using k8s;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Api;

/// <summary>Builds the client from <see cref="ClusterOptions.Kubeconfig"/>, else from the default chain.</summary>
public sealed class KubernetesFactory(IOptions<ClusterOptions> options) : IKubernetesFactory
{
    public IKubernetes Create()
    {
        var path = options.Value.Kubeconfig;
        var config = string.IsNullOrWhiteSpace(path)
            ? KubernetesClientConfiguration.BuildDefaultConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        return new k8s.Kubernetes(config);
    }
}
