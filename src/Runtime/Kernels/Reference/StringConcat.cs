using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>StringConcat (opset 20): elementwise X + Y of two string tensors, with broadcasting.</summary>
public sealed class StringConcat : Kernel
{
    public static Kernel Create(KernelInfo info) => new StringConcat();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Input(1);
        if (x.Type != DataType.String || y.Type != DataType.String) throw context.Error("inputs must be string tensors");
        var z = context.Output(0);
        try
        {
            BinaryLoops.AllocateBroadcast(x, y, z, DataType.String);
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        BinaryLoops.Map<string, string, Concat>(x.Strings, x.Shape, y.Strings, y.Shape, z.Strings, z.Shape);
    }

    private readonly struct Concat : BinaryLoops.IMap<string, string>
    {
        public static string Apply(string a, string b) => string.Concat(a, b);
    }
}
