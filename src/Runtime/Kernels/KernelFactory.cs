namespace EdgeML.Runtime.Kernels;

/// <summary>Creates the kernel for one node. Throws <see cref="EdgeMLException"/> (via
/// <see cref="KernelInfo.Error"/>) when the node's attributes or types are not supported.</summary>
public delegate Kernel KernelFactory(KernelInfo info);
