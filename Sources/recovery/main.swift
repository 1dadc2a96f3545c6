print("recovery")
