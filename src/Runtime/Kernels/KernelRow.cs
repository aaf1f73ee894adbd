using EdgeML.Runtime.Operators;

namespace EdgeML.Runtime.Kernels;

/// <summary>One row of the kernel table: an operator and the factory of its kernel.</summary>
public readonly record struct KernelRow(OpCode Op, KernelFactory Create);
