namespace EdgeML.Runtime.Kernels;

/// <summary>
/// A node's executable form, created once per node when a session is created: attributes are
/// parsed and constant inputs inspected there, so <see cref="Execute"/> does no set-up and, after
/// the first run, no allocation.
/// </summary>
public abstract class Kernel
{
    /// <summary>Reads the inputs, sizes the outputs (<see cref="Tensors.Tensor.Allocate"/>) and fills them.</summary>
    public abstract void Execute(KernelContext context);
}
