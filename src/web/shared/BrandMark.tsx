export function BrandMark({ size = 28, className }: { size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="64" height="64" rx="14" fill="#1f5fbf" />
      <path d="M18 20h28v18H30l-8 7v-7h-4z" fill="#fff" />
    </svg>
  );
}
