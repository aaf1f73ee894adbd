using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Size: the number of elements of the input, as an int64 scalar.</summary>
public sealed class Size : Kernel
{
    public static Kernel Create(KernelInfo info) => new Size();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(DataType.Int64, []);
        y.Span<long>()[0] = x.Length;
    }
}
