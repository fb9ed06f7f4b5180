// PLACEHOLDER — replaced by the issue 4 console work.
export default function MerchantCasePage() {
  return <div>MerchantCasePage</div>;
}
