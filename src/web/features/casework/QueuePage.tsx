// PLACEHOLDER — replaced by the issue 4 console work.
export default function QueuePage() {
  return <div>QueuePage</div>;
}
