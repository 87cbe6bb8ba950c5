using k8s;

namespace Bot.Kubernetes.Api;

/// <summary>Makes the client on first use, so a missing kubeconfig is a finding, not a failed start-up.</summary>
public interface IKubernetesFactory
{
    IKubernetes Create();
}
