// PLACEHOLDER — replaced by the issue 4 console work.
export default function MacrosPage() {
  return <div>MacrosPage</div>;
}
