import VaryKit
print("vary")
