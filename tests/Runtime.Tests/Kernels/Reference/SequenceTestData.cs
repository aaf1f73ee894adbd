using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Sequence values for the sequence-operator tests.</summary>
internal static class SequenceTestData
{
    /// <summary>A sequence of random float tensors of the given shapes.</summary>
    public static Tensor Floats(string name, params long[][] shapes)
    {
        var s = new Tensor(name);
        s.SetSequence(DataType.Float);
        for (int i = 0; i < shapes.Length; i++) s.AddItem().CopyFrom(OpTester.Random(name, shapes[i], 100 + i));
        return s;
    }

    public static Tensor Scalar(string name, DataType type, long value) => type == DataType.Int32
        ? OpTester.Make(name, type, [], (int)value)
        : OpTester.Make(name, type, [], value);
}
