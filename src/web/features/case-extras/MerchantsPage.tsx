// PLACEHOLDER — replaced by the issue 4 console work.
export default function MerchantsPage() {
  return <div>MerchantsPage</div>;
}
