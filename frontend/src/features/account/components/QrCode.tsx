import QRCode from 'qrcode'
import { useMemo } from 'react'

/**
 * A QR code drawn as SVG elements from the code's module matrix, in the browser: the secret
 * never leaves for an image service, and there is no inline style or innerHTML for the CSP.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' })
    const segments: string[] = []
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) segments.push(`M${col + 4} ${row + 4}h1v1h-1z`)
      }
    }
    return { size: modules.size + 8, path: segments.join('') }
  }, [value])
  return (
    <svg className="fh-qr-code" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} xmlns="http://www.w3.org/2000/svg" shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#0b0c0c" />
    </svg>
  )
}
