namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Identity: a copy of the input (tensor, sequence or optional).</summary>
public sealed class Identity : Kernel
{
    public static Kernel Create(KernelInfo info) => new Identity();

    public override void Execute(KernelContext context) => context.Output(0).CopyFrom(context.Input(0));
}
