// PLACEHOLDER — replaced by the issue 4 console work.
export default function AuditPage() {
  return <div>AuditPage</div>;
}
